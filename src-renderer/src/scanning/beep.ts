// Feedback a cashier hears without looking at the screen: one short high tone when a scan was
// taken, two low ones when it was refused. Made with an oscillator, so no audio files ship.

export type BeepKind = 'success' | 'failure';

const TONES: Record<BeepKind, { hz: number; ms: number }[]> = {
  success: [{ hz: 1760, ms: 90 }],
  failure: [
    { hz: 330, ms: 140 },
    { hz: 220, ms: 220 },
  ],
};

let audio: AudioContext | null = null;

export function beep(kind: BeepKind): void {
  try {
    audio ??= new AudioContext();
    // A context made before any user gesture starts suspended; a key press counts as one.
    if (audio.state === 'suspended') void audio.resume();
    let at = audio.currentTime;
    for (const tone of TONES[kind]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = tone.hz;
      // A quick fade in and out: a hard start or stop clicks in the speaker.
      const end = at + tone.ms / 1000;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.08, at + 0.01);
      gain.gain.setValueAtTime(0.08, end - 0.02);
      gain.gain.linearRampToValueAtTime(0, end);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(end);
      at = end + 0.04;
    }
  } catch {
    // No audio device (a server PC, a test browser): the toast still says it.
  }
}
