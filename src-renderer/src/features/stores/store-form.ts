import type { StoreFields } from '../../../../src-shared/contract/stores';
import type { CoordSystem } from '../../../../src-shared/geo/coordinates';
import { DEFAULT_TIME_ZONE } from '../../../../src-shared/validation';
import { blankToNull, blankToUndefined } from '../../forms/blank';

/** The store fields as the form holds them: empty inputs are undefined or null. */
export interface StoreFormValues {
  name: string;
  code?: string;
  districtCode: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  coordSystem?: CoordSystem;
  businessDistrict?: string | null;
  timezone: string;
}

export const emptyStoreForm: Partial<StoreFormValues> = {
  timezone: DEFAULT_TIME_ZONE,
  coordSystem: 'gcj02',
};

/** Form values → the contract's store fields. */
export function toStoreFields(values: StoreFormValues): StoreFields {
  return {
    name: values.name,
    code: blankToUndefined(values.code),
    districtCode: values.districtCode,
    address: values.address ?? '',
    lat: blankToNull(values.lat),
    lng: blankToNull(values.lng),
    coordSystem: values.coordSystem ?? 'gcj02',
    businessDistrict: blankToNull(values.businessDistrict),
    timezone: values.timezone,
  };
}
