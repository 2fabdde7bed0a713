import type { CallName } from '../../shared/contract/index';
import { appHandlers } from './app-service';
import { areaHandlers } from './areas-service';
import { jobHandlers } from './jobs-service';
import { importHandlers } from './import-service';
import { scenarioHandlers } from './scenario-service';
import { compareHandlers } from './compare-service';
import { exportHandlers } from './export-service';
import { mapHandlers } from './maps-service';
import { compositeHandlers } from './composite-service';
import type { Handlers } from './handler-types';

const features: object[] = [appHandlers, areaHandlers, jobHandlers, importHandlers, scenarioHandlers,
  compareHandlers,
  exportHandlers,
  mapHandlers,
  compositeHandlers];

/**
 * Every contract call implemented exactly once. The type makes a missing or misspelt handler a
 * compile error; the check below makes a handler registered by two features a start-up error.
 */
export const handlers: Handlers<CallName> = { ...appHandlers, ...areaHandlers, ...jobHandlers, ...importHandlers, ...scenarioHandlers,
  ...compareHandlers,
  ...exportHandlers,
  ...mapHandlers,
  ...compositeHandlers };

const seen = new Set<string>();
for (const feature of features) {
  for (const name of Object.keys(feature)) {
    if (seen.has(name)) throw new Error(`handler ${name} registered twice`);
    seen.add(name);
  }
}
