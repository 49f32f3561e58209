// Plans: an independent outline with its own ordering, not linked to any course.
import type { Plan, PlanLesson, PlanSection } from '../model';
import { validateName } from '../names';
import { keyForPosition, type Position } from '../ordering';
import type { Tx } from '../store/tx';

export function createPlan(tx: Tx, args: { name: string }): Plan {
  return tx.plans().plans.insert({ id: tx.newId(), name: validateName(args.name, 'Plan'), archived: false, createdAt: tx.now() });
}

export function renamePlan(tx: Tx, args: { planId: string; name: string }): Plan {
  const plans = tx.plans();
  plans.plans.require(args.planId);
  return plans.plans.update(args.planId, { name: validateName(args.name, 'Plan') });
}

export function addPlanSection(tx: Tx, args: { planId: string; title: string; position?: Position }): PlanSection {
  const plans = tx.plans();
  const title = validateName(args.title, 'Plan section');
  plans.plans.require(args.planId);
  const { key, rebalanced } = keyForPosition(plans.planSections.childrenOf(args.planId), args.position, 'plan section');
  if (rebalanced) for (const [id, order] of rebalanced) plans.planSections.update(id, { order });
  return plans.planSections.insert({ id: tx.newId(), planId: args.planId, title, order: key });
}

export function addPlanLesson(tx: Tx, args: { planSectionId: string; title: string; description?: string; position?: Position }): PlanLesson {
  const plans = tx.plans();
  const title = validateName(args.title, 'Plan lesson');
  plans.planSections.require(args.planSectionId);
  const { key, rebalanced } = keyForPosition(plans.planLessons.childrenOf(args.planSectionId), args.position, 'plan lesson');
  if (rebalanced) for (const [id, order] of rebalanced) plans.planLessons.update(id, { order });
  return plans.planLessons.insert({ id: tx.newId(), planSectionId: args.planSectionId, title, description: args.description ?? '', order: key });
}

export function deletePlan(tx: Tx, args: { planId: string }): void {
  const plans = tx.plans();
  plans.plans.require(args.planId);
  for (const s of plans.planSections.childrenOf(args.planId)) {
    for (const l of plans.planLessons.childrenOf(s.id)) plans.planLessons.remove(l.id);
    plans.planSections.remove(s.id);
  }
  plans.plans.remove(args.planId);
}
