import { useQueryClient } from '@tanstack/react-query';
import {
  DEFAULT_SCANNER_SETTINGS,
  type ScannerSettings,
} from '../../../src-shared/contract/scanner';
import { apiQueryKey, useApiQuery } from '../api/queries';
import { useApiEvent } from '../api/use-api-event';

/**
 * This PC's scanner settings, kept current when a manager changes them in any window. Until they
 * have loaded, the defaults hold: the scanner works from the first key.
 */
export function useScannerSettings(): ScannerSettings {
  const queryClient = useQueryClient();
  const query = useApiQuery('scanner.settings', {}, { staleTime: Infinity });
  useApiEvent('scanner.settingsChanged', (settings) =>
    queryClient.setQueryData(apiQueryKey('scanner.settings', {}), settings),
  );
  return query.data ?? DEFAULT_SCANNER_SETTINGS;
}
