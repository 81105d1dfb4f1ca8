import type { StoreFormValues } from '../stores/store-form';

export interface SetupFormValues {
  merchant: { name: string; code: string };
  store: StoreFormValues;
  owner: { name: string; pin: string; pinConfirm: string };
}

type FieldPath = [keyof SetupFormValues, string];

/** The wizard's steps and the form fields each one checks before "next". */
export const SETUP_STEPS = [
  {
    key: 'merchant',
    title: 'setup.steps.merchant',
    fields: [
      ['merchant', 'name'],
      ['merchant', 'code'],
    ],
  },
  {
    key: 'store',
    title: 'setup.steps.store',
    fields: ['name', 'districtCode', 'address', 'lat', 'lng', 'timezone'].map(
      (field): FieldPath => ['store', field],
    ),
  },
  {
    key: 'owner',
    title: 'setup.steps.owner',
    fields: [
      ['owner', 'name'],
      ['owner', 'pin'],
      ['owner', 'pinConfirm'],
    ],
  },
  { key: 'confirm', title: 'setup.steps.confirm', fields: [] },
] as const satisfies readonly { key: string; title: string; fields: readonly FieldPath[] }[];

/** The step whose fields hold a path the server refused (`['store', 'districtCode']` → 1). */
export function stepOfField(path: (string | number)[]): number {
  const index = SETUP_STEPS.findIndex((step) => step.key === path[0]);
  return index === -1 ? 0 : index;
}
