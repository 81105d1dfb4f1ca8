/** What the cloud's live stream says changed (src-cloud/live/hub.ts). */
export type LiveTopic = 'wallet' | 'tasks';
type LiveSignal = LiveTopic | 'resync';

export interface LiveListener {
  /** Something of this topic changed, or (`resync`) changes may have been missed. */
  signal(signal: LiveSignal): void;
  /** Whether the stream is open: while it is, polling can slow down. */
  state(open: boolean): void;
}

interface Stream {
  source: EventSource | null;
  listeners: Set<LiveListener>;
  open: boolean;
  retry: ReturnType<typeof setTimeout> | undefined;
  closing: ReturnType<typeof setTimeout> | undefined;
}

/** A stream the cloud refused (signed out, node full) is tried again after this. */
const REFUSED_RETRY_MS = 60_000;
/** A stream nobody listens to stays open this long: the next page usually wants it too. */
const LINGER_MS = 5000;

// One stream per merchant for the whole page, however many components listen.
const streams = new Map<string, Stream>();

/**
 * Listens to the signed-in phone's live stream of `merchantCode` (one EventSource shared by the
 * page); the function it gives stops listening, and the stream closes soon after its last
 * listener goes.
 */
export function subscribeLive(merchantCode: string, listener: LiveListener): () => void {
  let stream = streams.get(merchantCode);
  if (!stream) {
    stream = {
      source: null,
      listeners: new Set(),
      open: false,
      retry: undefined,
      closing: undefined,
    };
    streams.set(merchantCode, stream);
    connect(merchantCode, stream);
  }
  clearTimeout(stream.closing);
  stream.listeners.add(listener);
  listener.state(stream.open);
  const joined = stream;
  return () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size) return;
    joined.closing = setTimeout(() => {
      clearTimeout(joined.retry);
      joined.source?.close();
      streams.delete(merchantCode);
    }, LINGER_MS);
  };
}

function connect(merchantCode: string, stream: Stream) {
  if (typeof EventSource === 'undefined') return;
  const source = new EventSource(`/v1/consumers/${encodeURIComponent(merchantCode)}/live`);
  stream.source = source;
  let openedBefore = false;
  const tell = (signal: LiveSignal) => stream.listeners.forEach((l) => l.signal(signal));
  const setOpen = (open: boolean) => {
    stream.open = open;
    stream.listeners.forEach((l) => l.state(open));
  };
  source.onopen = () => {
    setOpen(true);
    // Back after a break: what changed meanwhile was not heard.
    if (openedBefore) tell('resync');
    openedBefore = true;
  };
  source.onerror = () => {
    setOpen(false);
    // CONNECTING: the browser reconnects by itself. CLOSED: the cloud refused the stream.
    if (source.readyState !== EventSource.CLOSED) return;
    stream.retry = setTimeout(() => {
      if (streams.get(merchantCode) === stream) connect(merchantCode, stream);
    }, REFUSED_RETRY_MS);
  };
  for (const signal of ['wallet', 'tasks', 'resync'] as const)
    source.addEventListener(signal, () => tell(signal));
}
