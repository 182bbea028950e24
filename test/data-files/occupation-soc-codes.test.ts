/** Every built-in occupation carries the SOC code its pay figures are looked up by. */
import { loadBuiltInOccupations } from '../../src/data-files/load-occupations.js';
import type { Occupation } from '../../src/domain/occupations/occupation-types.js';

let occupations: Occupation[];
beforeAll(async () => {
  occupations = await loadBuiltInOccupations();
});

/** Well-known jobs and the SOC 2018 code the BLS publishes their pay under (checked by hand). */
const WELL_KNOWN: Record<string, string> = {
  veterinarian: '29-1131',
  'registered-nurse': '29-1141',
  electrician: '47-2111',
  welder: '51-4121',
  chef: '35-1011',
  'police-officer': '33-3051',
  'software-developer': '15-1252',
  'elementary-teacher': '25-2021',
  'high-school-teacher': '25-2031',
  'preschool-teacher': '25-2011',
  plumber: '47-2152',
  'dental-hygienist': '29-1292',
  dentist: '29-1021',
  'airline-pilot': '53-2011',
  'truck-driver': '53-3032',
  accountant: '13-2011',
  lawyer: '23-1011',
  judge: '23-1023',
  paralegal: '23-2011',
  actor: '27-2011',
  musician: '27-2042',
  farmer: '11-9013',
  firefighter: '33-2011',
  pharmacist: '29-1051',
  'physical-therapist': '29-1123',
  'medical-assistant': '31-9092',
  carpenter: '47-2031',
  'automotive-technician': '49-3023',
  'hvac-technician': '49-9021',
  'graphic-designer': '27-1024',
  photographer: '27-4021',
  cashier: '41-2011',
  'bank-teller': '43-3071',
  'real-estate-agent': '41-9022',
  barber: '39-5011',
  cosmetologist: '39-5012',
  architect: '17-1011',
  'civil-engineer': '17-2051',
  'mechanical-engineer': '17-2141',
  librarian: '25-4022',
  'flight-attendant': '53-2031',
  'air-traffic-controller': '53-2021',
  'mail-carrier': '43-5052',
  'correctional-officer': '33-3012',
  'child-care-worker': '39-9011',
  'data-scientist': '15-2051',
};

describe('SOC codes of the built-in occupations', () => {
  it('gives every occupation a SOC 2018 code (6 digits with a dash)', () => {
    const bad = occupations.filter((o) => !/^\d{2}-\d{4}$/.test(o.soc ?? '')).map((o) => `${o.id}: ${String(o.soc)}`);
    expect(bad).toEqual([]);
  });

  it('codes well-known jobs the way the BLS does', () => {
    const byId = new Map(occupations.map((o) => [o.id, o.soc]));
    const wrong = Object.entries(WELL_KNOWN)
      .filter(([id, soc]) => byId.get(id) !== soc)
      .map(([id, soc]) => `${id}: expected ${soc}, found ${byId.get(id) ?? 'no such occupation'}`);
    expect(wrong).toEqual([]);
  });
});
