// The registry of mutations. Each runs inside a Tx and is replayed by name when another process wrote first.
import * as course from './courseOps';
import * as structure from './structureOps';
import * as timeline from './timelineOps';
import * as plan from './planOps';
import * as publish from './publishOps';
import type { Tx } from '../store/tx';

export const operations = {
  createCourse: course.createCourse,
  renameCourse: course.renameCourse,
  setCourseArchived: course.setCourseArchived,
  setCourseRepoPath: course.setCourseRepoPath,
  addSection: structure.addSection,
  renameSection: structure.renameSection,
  moveSection: structure.moveSection,
  setSectionArchived: structure.setSectionArchived,
  setSectionPath: structure.setSectionPath,
  ghostSection: structure.ghostSection,
  deleteSection: structure.deleteSection,
  addLesson: structure.addLesson,
  renameLesson: structure.renameLesson,
  updateLesson: structure.updateLesson,
  moveLesson: structure.moveLesson,
  setLessonArchived: structure.setLessonArchived,
  setLessonPath: structure.setLessonPath,
  ghostLesson: structure.ghostLesson,
  deleteLesson: structure.deleteLesson,
  addVideo: timeline.addVideo,
  renameVideo: timeline.renameVideo,
  setVideoArchived: timeline.setVideoArchived,
  deleteVideo: timeline.deleteVideo,
  addClip: timeline.addClip,
  addEffectClip: timeline.addEffectClip,
  updateClip: timeline.updateClip,
  setClipText: timeline.setClipText,
  setClipArchived: timeline.setClipArchived,
  deleteClip: timeline.deleteClip,
  addClipSection: timeline.addClipSection,
  renameClipSection: timeline.renameClipSection,
  setClipSectionArchived: timeline.setClipSectionArchived,
  moveTimelineItem: timeline.moveTimelineItem,
  createPlan: plan.createPlan,
  renamePlan: plan.renamePlan,
  addPlanSection: plan.addPlanSection,
  addPlanLesson: plan.addPlanLesson,
  deletePlan: plan.deletePlan,
  publishDraft: publish.publishDraft,
} satisfies Record<string, (tx: Tx, args: never) => unknown>;

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type OpArgs<K extends OpName> = Parameters<Operations[K]>[1];
export type OpResult<K extends OpName> = ReturnType<Operations[K]>;
