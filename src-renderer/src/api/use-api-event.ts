import { useEffect, useEffectEvent } from 'react';
import type { EventName, PayloadOf } from '../../../src-shared/contract';
import { useApi } from './api-context';

/** Runs `handler` for every pushed event of that name while the component is mounted. */
export function useApiEvent<E extends EventName>(
  event: E,
  handler: (payload: PayloadOf<E>) => void,
): void {
  const api = useApi();
  const onEvent = useEffectEvent(handler);
  useEffect(() => api.on(event, (payload) => onEvent(payload)), [api, event]);
}
