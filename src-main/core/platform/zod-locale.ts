// Zod's messages in the caller's language, as the cloud gives them too (src-node/).
export { zodLocale } from '../../../src-node/zod-locale';
