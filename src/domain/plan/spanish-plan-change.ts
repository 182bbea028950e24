/**
 * A plan change said in Spanish, rewritten in the words the change reader knows (parse-plan-change):
 * "agrega club de robótica en 10.º" -> "add club de robótica in 10th", "quita educación física de
 * 10" -> "remove educación física in 10th", "mueve química a 12.º grado" -> "move química to 12th",
 * "cambia arte por banda" -> "swap arte for banda". Course names stay as typed: the plan data knows
 * their Spanish names as aliases ("Química" for Chemistry). Pure.
 */

const ORDINALS: Record<string, number> = {
  sexto: 6, septimo: 7, octavo: 8, noveno: 9, decimo: 10, undecimo: 11, onceavo: 11, duodecimo: 12, doceavo: 12,
};

/** "10", "10.º", "10o", "10mo", "décimo", "grado 10", "10.º grado", "primer año de universidad" -> "10th". */
function gradeWords(phrase: string): string | undefined {
  const p = phrase
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.!?]+$/, '')
    .trim();
  if (/^(el |la )?(primer|1(er)?\.?) ano (despues de la (prepa|preparatoria)|de (universidad|college))$/.test(p)) return '13th';
  if (/^(el |la )?(segundo|2(do)?\.?) ano (despues de la (prepa|preparatoria)|de (universidad|college))$/.test(p)) return '14th';
  const m = /^(?:el |la )?(?:grado )?(\d{1,2}|[a-z]+)(?:\.?\s?(?:º|o|vo|mo|to|no|er))?(?: grado)?$/.exec(p.replace(/°/g, 'º'));
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : ORDINALS[m[1]!];
  return n !== undefined && n >= 6 && n <= 14 ? `${n}th` : undefined;
}

/** "X en 10.º" -> "X in 10th" when the tail is a grade (the preposition said in `english`). */
function withGrade(s: string, spanish: string, english: string): string {
  const m = new RegExp(`^(.+?)\\s+(?:${spanish})\\s+(.+)$`, 'i').exec(s);
  const g = m ? gradeWords(m[2]!) : undefined;
  return m && g ? `${m[1]} ${english} ${g}` : s;
}

const ADD = /^(?:agrega|agregar|agregame|añade|añadir|anade|anadir|pon|poner|ponme|mete|meter|inscribeme en|apuntame en|quiero (?:agregar|tomar|meter)|tomar)\s+(.+)$/i;
const REMOVE = /^(?:quita|quitar|quitame|elimina|eliminar|borra|borrar|saca|sacar)\s+(.+)$/i;
const MOVE = /^(?:mueve|mover|pasa|pasar|cambia|cambiar)\s+(.+?)\s+(?:a|al|para)\s+(.+)$/i;
const SWAP = /^(?:cambia|cambiar|reemplaza|reemplazar|sustituye|sustituir)\s+(.+?)\s+(?:por|con)\s+(.+)$/i;

/** The English-shaped change, or undefined when the text is not a Spanish plan change. */
export function spanishPlanChange(text: string): string | undefined {
  const t = text.trim().replace(/^(por favor|porfa|quiero|me gustaria|puedes)\s+/i, '').replace(/[.!]+$/, '').replace(/\s*por favor$/i, '');
  let m = SWAP.exec(t);
  if (m) {
    const put = withGrade(m[2]!, 'en|para|durante', 'in');
    return `swap ${m[1]} for ${put}`;
  }
  m = MOVE.exec(t);
  if (m) {
    const to = gradeWords(m[2]!);
    if (to) {
      const from = /^(.+?)\s+(?:de|desde)\s+(.+)$/i.exec(m[1]!);
      const fromGrade = from ? gradeWords(from[2]!) : undefined;
      return fromGrade ? `move ${from![1]} from ${fromGrade} to ${to}` : `move ${m[1]} to ${to}`;
    }
  }
  m = ADD.exec(t);
  if (m) return `add ${withGrade(m[1]!, 'en|para|durante', 'in')}`;
  m = REMOVE.exec(t);
  if (m) return `remove ${withGrade(m[1]!, 'en|de|del|durante', 'in')}`;
  return undefined;
}
