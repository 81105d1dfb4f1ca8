import { useQueryClient } from '@tanstack/react-query';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../api/queries';
import { useApiEvent } from '../../api/use-api-event';

// Reading the settings is the app-wide listener's too: ../../scanning/scanner-settings.ts.
export const useSaveScannerSettings = () =>
  useApiMutation('scanner.updateSettings', { invalidates: ['scanner.settings', 'audit.list'] });

/** HID-POS scanners plugged into this PC, updated as they come and go. */
export function useHidScanners() {
  const queryClient = useQueryClient();
  const query = useApiQuery('scanner.devices', {});
  useApiEvent('scanner.devicesChanged', (devices) =>
    queryClient.setQueryData(apiQueryKey('scanner.devices', {}), devices),
  );
  return query;
}
