import type { CardReply } from '../domain/messages.js';

/** A person's home summary by user key (Slack App Home). */
export type HomeProvider = (userKey: string) => Promise<CardReply>;
