import {
  checkCode,
  CODE_ALPHABET,
  codeInText,
  makeCode,
  mistypedCodeInText,
  newCodeRecord,
  showCode,
} from '../../src/domain/codes.js';

const sequence = (values: number[]) => {
  let i = 0;
  return (max: number) => values[i++ % values.length]! % max;
};

describe('codes', () => {
  it('use no look-alike characters', () => {
    for (const c of '0O1IL5S2Z8B') expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('always mix letters and digits, so ordinary words are never codes', () => {
    // All letters from the random source: the generator draws again until a digit appears.
    const code = makeCode(sequence([0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 20]));
    expect(code).toMatch(/\d/);
    expect(code).toMatch(/[A-Z]/);
    expect(code).toHaveLength(8);
    expect(codeInText('pharmacy')).toBeUndefined();
    expect(codeInText('9th grade')).toBeUndefined();
    expect(codeInText('grade 10')).toBeUndefined();
  });

  it('are shown in two groups and read back whatever the case, spaces or dashes', () => {
    const code = 'KX7M4PQR';
    expect(showCode(code)).toBe('KX7M-4PQR');
    for (const typed of ['kx7m 4pqr', 'KX7M-4PQR', 'kx7m4pqr', 'join kx7m 4pqr', 'my code is kx7m-4pqr', 'code: KX7M 4PQR']) {
      expect(codeInText(typed)).toBe(code);
    }
    expect(codeInText('here 4pqr')).toBe('HERE4PQR');
    expect(codeInText('ha7m 4pqr')).toBe('HA7M4PQR');
    expect(codeInText('kx7m 4pq')).toBeUndefined();
    expect(codeInText('KX7M-4PQ0')).toBeUndefined();
  });

  it('family codes work once and for 7 days; class codes for 30 days and many times', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const fam = newCodeRecord('KX7M4PQR', 'family-invite', 'console:sam', now);
    expect(checkCode(fam, new Date('2026-01-07T23:59:59Z'))).toBe('ok');
    expect(checkCode(fam, new Date('2026-01-08T00:00:00Z'))).toBe('expired');
    expect(checkCode({ ...fam, usedBy: 'console:mom' }, now)).toBe('used');
    expect(checkCode(undefined, now)).toBe('unknown');
    const cls = newCodeRecord('KX7M4PQR', 'class', 'console:rivera', now);
    expect(checkCode({ ...cls, uses: 40 }, new Date('2026-01-30T23:59:59Z'))).toBe('ok');
    expect(checkCode(cls, new Date('2026-01-31T00:00:00Z'))).toBe('expired');
  });

  it('a code typed with look-alike characters is seen as a mistyped code; ordinary words are not', () => {
    for (const typed of ['kx7m 4pq0', 'KX7M4PQO', 'my code is kx7m 4pqi', 'join kx7m 4pqb']) expect(mistypedCodeInText(typed)).toBeDefined();
    for (const typed of ['year 2026', '9th grade', 'pharmacy', 'class of 2028', 'grade 10', 'kx7m 4pqr', 'abcd efgh']) {
      expect(mistypedCodeInText(typed)).toBeUndefined();
    }
  });
});

describe('a code pasted inside a sentence', () => {
  it('is found in English and Spanish sentences', () => {
    expect(codeInText('the code is 3xhp we7v from maria')).toBe('3XHPWE7V');
    expect(codeInText('el codigo es w3uu waja de diego')).toBe('W3UUWAJA');
    expect(codeInText('aqui esta kx7m4pqr gracias')).toBe('KX7M4PQR');
  });

  it('ordinary sentences with numbers are not codes', () => {
    for (const said of ['class of 2028 plans', 'what is due in year 3779', 'i am in 10th grade this year', 'nurse pays 4000 a month']) {
      expect(codeInText(said)).toBeUndefined();
    }
  });
});
