// The core's ids are the UUIDv7 the desktop and the cloud share (src-node/).
export { newId } from '../../../src-node/ids';
