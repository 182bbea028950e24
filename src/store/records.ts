import type { InterestResultRecord, Profile } from '../domain/profile.js';
import type { Session } from '../engine/session.js';
import type { Store } from './store.js';

/** Typed access to the core collections. Features keep their own collections beside these. */
export class Records {
  constructor(readonly store: Store) {}

  session(userKey: string) {
    return this.store.get<Session>('sessions', userKey);
  }
  saveSession(s: Session) {
    return this.store.put('sessions', s.userKey, s);
  }
  profile(userKey: string) {
    return this.store.get<Profile>('profiles', userKey);
  }
  saveProfile(p: Profile) {
    return this.store.put('profiles', p.userKey, p);
  }
  interestResult(userKey: string) {
    return this.store.get<InterestResultRecord>('interest-results', userKey);
  }
  saveInterestResult(r: InterestResultRecord) {
    return this.store.put('interest-results', r.userKey, r);
  }
}
