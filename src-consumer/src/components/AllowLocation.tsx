import { useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import { messages } from '../../../src-shared/consumer/messages';
import type { ConsumerMe, SessionControl } from '../session/session';
import { Consents } from './Consents';

/**
 * Says why the page has no position (the location consent is not given) and opens the consents
 * in place: the consumer switches 使用我的位置 on there, with its text, never pre-ticked.
 */
export function AllowLocation({
  merchantCode,
  me,
  control,
  why,
}: {
  merchantCode: string;
  me: ConsumerMe;
  control: SessionControl;
  why: string;
}) {
  const [open, setOpen] = useState(false);
  if (open)
    return (
      <Consents
        merchantCode={merchantCode}
        me={me}
        onDone={(changed) => {
          setOpen(false);
          control.signedIn(changed);
        }}
      />
    );
  return (
    <div className="notice task-location">
      <span>{why}</span>
      <Button size="small" color="primary" fill="outline" onClick={() => setOpen(true)}>
        {messages.tasks.allowLocation}
      </Button>
    </div>
  );
}
