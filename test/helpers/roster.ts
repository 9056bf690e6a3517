import type { AddCommitteeMemberInput } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { callerAs } from './test-app.ts';

/** An external member (no platform account) of the roster, as `committees.addMember` takes one. */
export type RosterSeat = Pick<AddCommitteeMemberInput, 'name' | 'role' | 'expertise' | 'isAffiliated' | 'gender'>;

/** Three external members beside the demo chair and member: the lawyer is the only unaffiliated one. */
export const REVIEW_PANEL = {
  doctor: { name: '张医生', role: 'vice_chair', expertise: 'pharmacy', isAffiliated: true },
  lawyer: { name: '李律师', role: 'member', expertise: 'law', isAffiliated: false },
  ethicist: { name: '赵伦理', role: 'member', expertise: 'ethics', isAffiliated: true },
} as const satisfies Record<string, RosterSeat>;

/** An external medical, affiliated member, named `name`. */
export const medicalSeat = (name: string): RosterSeat => ({
  name,
  role: 'member',
  expertise: 'medical',
  isAffiliated: true,
});

const userId = (db: DbHandle, email: string) =>
  db.sqlite.prepare('select id from users where email = ?').pluck().get(email) as string;

/**
 * The 江苏省人民医院 EC's roster (the shared test template has none), made through `committees.addMember` by its
 * secretary: the demo chair (chair@demo.ctp) and member (member@demo.ctp), both medical and affiliated, then the
 * external `seats` in their order. Returns the member ids: `chair`, `member` and one per seat's key.
 * `termEnd: null` leaves the terms open-ended.
 */
export async function seedRoster<K extends string = never>(
  db: DbHandle,
  opts: {
    seats?: Record<K, RosterSeat>;
    chairGender?: RosterSeat['gender'];
    termEnd?: string | null;
    secretary?: ReturnType<typeof callerAs>;
  } = {},
): Promise<{ chair: string; member: string } & Record<K, string>> {
  const secretary = opts.secretary ?? callerAs(db, 'ec@demo.ctp');
  const termEnd = opts.termEnd === undefined ? '2029-12-31' : opts.termEnd;
  const base = { committeeId: 'ec-jsph', termStart: '2025-01-01', ...(termEnd && { termEnd }) };
  const add = async (seat: Omit<AddCommitteeMemberInput, keyof typeof base | 'termEnd'>) =>
    (await secretary.committees.addMember({ ...base, ...seat })).id;
  const ids: Record<string, string> = {
    chair: await add({
      userId: userId(db, 'chair@demo.ctp'),
      role: 'chair',
      expertise: 'medical',
      isAffiliated: true,
      ...(opts.chairGender && { gender: opts.chairGender }),
    }),
    member: await add({
      userId: userId(db, 'member@demo.ctp'),
      role: 'member',
      expertise: 'medical',
      isAffiliated: true,
    }),
  };
  for (const [key, seat] of Object.entries(opts.seats ?? {}) as [K, RosterSeat][]) ids[key] = await add(seat);
  return ids as { chair: string; member: string } & Record<K, string>;
}
