import 'i18next';
import type { Messages } from './resources';

// Translation keys are checked at compile time against the Chinese resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
