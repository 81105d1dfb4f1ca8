import { useCallback, useEffect, useState } from 'react';
import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { call, isSignedOut } from '../api/client';

export type ConsumerMe = EndpointOutput<'consumers.me'>;

/** Who the phone is for this merchant: still asking, nobody, or a signed-in consumer. */
export type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: ConsumerMe }
  | { status: 'failed'; message: string };

/** First use asks the consents; a null answer means never asked. */
export const needsConsents = (me: ConsumerMe) =>
  me.consents.marketing === null || me.consents.location === null;

/** The session of this merchant's wallet on this phone (the HttpOnly cookie is the truth). */
export function useSession(merchantCode: string | null) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const load = useCallback(() => {
    if (!merchantCode) return Promise.resolve();
    return call('consumers.me', { merchantCode }).then(
      (me) => setSession({ status: 'signedIn', me }),
      (error: Error) =>
        setSession(
          isSignedOut(error)
            ? { status: 'signedOut' }
            : { status: 'failed', message: error.message },
        ),
    );
  }, [merchantCode]);
  useEffect(() => {
    void load();
  }, [load]);
  return {
    session,
    signedIn: (me: ConsumerMe) => setSession({ status: 'signedIn', me }),
    signedOut: () => setSession({ status: 'signedOut' }),
    reload: load,
  };
}

export type SessionControl = ReturnType<typeof useSession>;
