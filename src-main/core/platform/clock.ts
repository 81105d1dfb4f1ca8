// The core's clock is the one the desktop and the cloud share (src-node/).
export { ManualClock, systemClock, type Clock } from '../../../src-node/clock';
