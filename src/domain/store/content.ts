import type { Clip, ClipSection, Lesson, Plan, PlanLesson, PlanSection, Section, Video } from '../model';
import { sortByOrder } from '../ordering';
import { Table } from './table';
import type { PlansDoc, VersionContentDoc } from './layout';

/** The in-memory content of one CourseVersion: a Draft (mutable) or a Published Version (frozen). */
export class VersionContent {
  readonly sections: Table<Section>;
  readonly lessons: Table<Lesson>;
  readonly videos: Table<Video>;
  readonly clips: Table<Clip>;
  readonly clipSections: Table<ClipSection>;

  constructor(
    readonly courseId: string,
    readonly versionId: string,
    doc: VersionContentDoc,
    readonly frozen: boolean,
  ) {
    this.sections = new Table<Section>('section', 'versionId', doc.sections);
    this.lessons = new Table<Lesson>('lesson', 'sectionId', doc.lessons);
    this.videos = new Table<Video>('video', 'lessonId', doc.videos);
    this.clips = new Table<Clip>('clip', 'videoId', doc.clips);
    this.clipSections = new Table<ClipSection>('clip section', 'videoId', doc.clipSections);
  }

  tables(): Table<{ id: string }>[] {
    return [this.sections, this.lessons, this.videos, this.clips, this.clipSections] as unknown as Table<{ id: string }>[];
  }

  toDoc(): VersionContentDoc {
    return {
      sections: this.sections.toArray(),
      lessons: this.lessons.toArray(),
      videos: this.videos.toArray(),
      clips: this.clips.toArray(),
      clipSections: this.clipSections.toArray(),
    };
  }

  /** Sections of this version in order (archived included). */
  orderedSections(): Section[] {
    return sortByOrder(this.sections.childrenOf(this.versionId));
  }

  orderedLessons(sectionId: string): Lesson[] {
    return sortByOrder(this.lessons.childrenOf(sectionId));
  }

  /** Videos of a lesson (or, with null, the course's Standalone Videos), oldest first. */
  videosOf(lessonId: string | null): Video[] {
    return this.videos.childrenOf(lessonId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  /** Clips and ClipSections of a video, interleaved in their shared order. */
  timeline(videoId: string): Array<({ type: 'clip' } & Clip) | ({ type: 'clipSection' } & ClipSection)> {
    const items = [
      ...this.clips.childrenOf(videoId).map((c) => ({ type: 'clip' as const, ...c })),
      ...this.clipSections.childrenOf(videoId).map((s) => ({ type: 'clipSection' as const, ...s })),
    ];
    return sortByOrder(items);
  }

  /** Total duration in seconds of a video's non-archived clips. */
  duration(videoId: string): number {
    let total = 0;
    for (const c of this.clips.childrenOf(videoId)) if (!c.archived) total += c.end - c.start;
    return total;
  }
}

export class PlansContent {
  readonly plans: Table<Plan>;
  readonly planSections: Table<PlanSection>;
  readonly planLessons: Table<PlanLesson>;

  constructor(doc: Pick<PlansDoc, 'plans' | 'planSections' | 'planLessons'>) {
    this.plans = new Table<Plan>('plan', undefined, doc.plans);
    this.planSections = new Table<PlanSection>('plan section', 'planId', doc.planSections);
    this.planLessons = new Table<PlanLesson>('plan lesson', 'planSectionId', doc.planLessons);
  }

  tables(): Table<{ id: string }>[] {
    return [this.plans, this.planSections, this.planLessons] as unknown as Table<{ id: string }>[];
  }

  toDoc(): Pick<PlansDoc, 'plans' | 'planSections' | 'planLessons'> {
    return { plans: this.plans.toArray(), planSections: this.planSections.toArray(), planLessons: this.planLessons.toArray() };
  }
}
