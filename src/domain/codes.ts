/**
 * Codes people type or read aloud: family invite codes (one use, 7 days) and class codes (many
 * uses, 30 days). Capital letters and digits without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B),
 * 8 characters shown as two groups ("KX7M-4PQR"), read back ignoring case, spaces and dashes.
 * Pure: the random source is passed in (crypto in the wiring).
 */

/** 20 letters and 5 digits: 25^8 (about 150 billion) codes. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 8;

export const FAMILY_CODE_DAYS = 7;
export const CLASS_CODE_DAYS = 30;

export type CodeKind = 'family-invite' | 'class';

/** Collection "codes", id = the code without its dash ("KX7M4PQR"). */
export interface CodeRecord {
  code: string;
  kind: CodeKind;
  /** Family invite: the student's user key. Class code: the counselor's user key. */
  ownerKey: string;
  createdAt: string;
  expiresAt: string;
  /** Family invites: who used it and when (a code works once). */
  usedBy?: string;
  usedAt?: string;
  /** Class codes: how many students joined with it. */
  uses: number;
}

/** Collection "code-attempts", id = user key: recent wrong codes and any lock. */
export interface CodeAttempts {
  userKey: string;
  /** Times of wrong codes in the last day, oldest first (limits: src/domain/code-limits.ts). */
  wrong: string[];
  lockedUntil?: string;
}

/** Returns an integer in [0, max): crypto.randomInt in the wiring, a fixed sequence in tests. */
export type RandomInt = (max: number) => number;

/**
 * A new code: CODE_LENGTH characters with at least one letter and one digit, so an ordinary
 * word ("pharmacy") is never taken for a code.
 */
export function makeCode(randomInt: RandomInt): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!;
    if (/[A-Z]/.test(code) && /\d/.test(code)) return code;
  }
}

/** "KX7M4PQR" -> "KX7M-4PQR" */
export function showCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const LEADING_WORDS = /^(?:(?:my|the|our|a|class|family|invite|join|code|is|its|it s|heres|here s|here|with|using|enter|use|i have)\s+)*/;

/**
 * The code in a typed message, or undefined when the message does not look like one. Takes the
 * engine's command words (lower-case, punctuation as spaces): "join kx7m 4pqr", "code kx7m4pqr",
 * "KX7M-4PQR". The code must be one 8-character group or two groups of 4, from the code alphabet,
 * with a letter and a digit ("9th grade" is not a code).
 */
export function codeInText(words: string): string | undefined {
  const plain = words.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return codeIn(plain) ?? codeIn(plain.replace(LEADING_WORDS, '').trim()) ?? codeInSentence(plain);
}

/** True when the whole message is a code, maybe after "code"/"join" ("KX7M-4PQR"): its letters are no language. */
export function isOnlyACode(words: string): boolean {
  const plain = words.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return (codeIn(plain) ?? codeIn(plain.replace(LEADING_WORDS, '').trim())) !== undefined;
}

/**
 * A code pasted inside a sentence, in any language ("the code is 3xhp we7v from maria", "el código
 * es 3XHP-WE7V"): one 8-character word, or two 4-character words in a row of which one mixes
 * letters and digits (so "year 3779" is not taken for a code).
 */
function codeInSentence(plain: string): string | undefined {
  const words = plain.split(' ');
  const mixed = (g: string) => /[a-z]/.test(g) && /\d/.test(g);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length === CODE_LENGTH && isCodeShaped(w.toUpperCase())) return w.toUpperCase();
    const next = words[i + 1];
    if (w.length === 4 && next?.length === 4 && (mixed(w) || mixed(next)) && isCodeShaped(`${w}${next}`.toUpperCase())) return `${w}${next}`.toUpperCase();
  }
  return undefined;
}

function codeIn(rest: string): string | undefined {
  const m = /^([a-z0-9]{8})$|^([a-z0-9]{4}) ([a-z0-9]{4})$/.exec(rest);
  if (!m) return undefined;
  const code = (m[1] ?? `${m[2]}${m[3]}`).toUpperCase();
  return isCodeShaped(code) ? code : undefined;
}

/**
 * A message shaped like a code but with characters codes never use (0, O, 1, I, L, 5, S, 2, Z, 8,
 * B): a misread or mistyped code, such as "KX7M-4PQ0". It cannot match any code, so it is not a
 * guess. With a space between the groups, one group must mix letters and digits ("year 2026" is
 * not a code).
 */
export function mistypedCodeInText(words: string): string | undefined {
  if (codeInText(words)) return undefined;
  const plain = words.toLowerCase().replace(/[^a-z0-9-]+/g, ' ').trim();
  return mistypedIn(plain) ?? mistypedIn(plain.replace(LEADING_WORDS, '').trim());
}

function mistypedIn(rest: string): string | undefined {
  const m = /^([a-z0-9]{8})$|^([a-z0-9]{4})( |-| - )([a-z0-9]{4})$/.exec(rest);
  if (!m) return undefined;
  const mixed = (g: string) => /[a-z]/.test(g) && /\d/.test(g);
  if (m[3] === ' ' && !mixed(m[2]!) && !mixed(m[4]!)) return undefined;
  const code = (m[1] ?? `${m[2]}${m[4]}`).toUpperCase();
  return /[A-Z]/.test(code) && /\d/.test(code) ? code : undefined;
}

export function isCodeShaped(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) && /[A-Z]/.test(code) && /\d/.test(code);
}

export function newCodeRecord(code: string, kind: CodeKind, ownerKey: string, now: Date): CodeRecord {
  const days = kind === 'family-invite' ? FAMILY_CODE_DAYS : CLASS_CODE_DAYS;
  return {
    code,
    kind,
    ownerKey,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString(),
    uses: 0,
  };
}

export type CodeCheck = 'ok' | 'unknown' | 'expired' | 'used';

/** Whether a code can be used at `now`. */
export function checkCode(record: CodeRecord | undefined, now: Date): CodeCheck {
  if (!record) return 'unknown';
  if (record.kind === 'family-invite' && record.usedBy) return 'used';
  if (now.getTime() >= Date.parse(record.expiresAt)) return 'expired';
  return 'ok';
}
