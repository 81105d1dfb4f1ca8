import type { ReactNode } from 'react';
import DotLoading from 'antd-mobile/es/components/dot-loading';
import { needsConsents, type SessionControl } from '../session/session';
import { Consents } from './Consents';
import { SignIn } from './SignIn';

/** Shows its children once the phone is signed in and has answered the consents. */
export function SignInGate({
  merchantCode,
  control,
  children,
}: {
  merchantCode: string;
  control: SessionControl;
  children: ReactNode;
}) {
  const { session } = control;
  if (session.status === 'loading')
    return (
      <div className="center">
        <DotLoading color="primary" />
      </div>
    );
  if (session.status === 'failed')
    return (
      <p className="error" role="alert">
        {session.message}
      </p>
    );
  if (session.status === 'signedOut')
    return <SignIn merchantCode={merchantCode} onSignedIn={control.signedIn} />;
  if (needsConsents(session.me))
    return <Consents merchantCode={merchantCode} me={session.me} onDone={control.signedIn} />;
  return <>{children}</>;
}
