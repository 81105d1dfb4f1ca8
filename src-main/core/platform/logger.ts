// The core's logger is the one every Node part of StoreDesk logs through (src-node/).
export { createFileLogger, createMemoryLogger, type Logger } from '../../../src-node/logger';
