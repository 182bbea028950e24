import type { FrameworkIndex } from '../../domain/framework-index.js';
import { gradeLabel } from '../../domain/grade.js';
import type { CardReply } from '../../domain/messages.js';
import type { Records } from '../../store/records.js';

/**
 * A person's summary for a home screen (Slack App Home): a student's Path, Cluster, Pathway and
 * grade, with buttons to carry on. Other roles get their own short summary.
 */
export function homeSummary(records: Records, fw: FrameworkIndex, extra?: (userKey: string) => Promise<{ label: string; value: string }[]>) {
  return async (userKey: string): Promise<CardReply> => {
    const p = await records.profile(userKey);
    const more = extra ? await extra(userKey) : [];
    if (!p) {
      return {
        kind: 'card',
        title: 'Welcome to Waypoint',
        fields: [{ label: 'Start', value: 'Send me a message to explore careers you might like and plan your classes.' }],
        text: 'Welcome to Waypoint! Send me a message to explore careers you might like and plan your classes.',
        questionId: 'menu',
        actions: [{ id: 'explore', label: 'Explore careers' }],
      };
    }
    if (p.role !== 'student') {
      const who = p.role === 'counselor' ? 'counselor' : 'family member';
      return {
        kind: 'card',
        title: 'Waypoint',
        fields: [{ label: 'You are', value: `a ${who}` }, ...more],
        text: `Waypoint: you're set up as a ${who}. Type help in our chat to see what I can do.`,
      };
    }
    const c = p.choice;
    const fields = [
      { label: 'Grade', value: p.grade !== undefined ? gradeLabel(p.grade) : 'not set yet' },
      { label: 'Career Path', value: c ? (fw.path(c.pathId)?.nickname ?? '') : 'not chosen yet' },
      { label: 'Career Cluster', value: c?.clusterId ? (fw.cluster(c.clusterId)?.name ?? '') : 'not chosen yet' },
      { label: 'Career Pathway', value: c?.pathwayId ? (fw.pathway(c.pathwayId)?.name ?? '') : 'not chosen yet' },
      ...more,
    ];
    return {
      kind: 'card',
      title: 'Your Waypoint',
      fields,
      text: fields.map((f) => `${f.label}: ${f.value}`).join('. '),
      questionId: 'menu',
      actions: [{ id: 'explore', label: c ? 'Explore again' : 'Explore careers' }],
    };
  };
}
