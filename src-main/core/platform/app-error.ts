// The core's refusals are the ones the desktop and the cloud share (src-node/).
export { AppError, isAppError } from '../../../src-node/app-error';
