import { Express } from 'express';
import { mountDashboard } from '../dashboard/dashboard-route';
import { mountExplorer } from '../pages/explorer-route';
import { mountFamilyFinding } from '../pages/family-finding-route';
import { mountStartPage } from '../pages/start-page-route';
import { HubDeps } from './hub-deps';
import { mountSsda903Import } from './ssda903-import-route';
import { mountAsglbExport } from './asglb-route';
import { mountDfeCscIngest } from './dfe-csc/csc-ingest-route';
import { mountOAuthToken } from './dfe-csc/oauth-token-route';

/** Mounts one group of HTTP endpoints (other than /graphql) on the app. */
export type RouteMount = (app: Express, deps: HubDeps) => void;

/** Every group of HTTP endpoints besides /graphql and the health checks; add a line to add a group. */
export const routeMounts: RouteMount[] = [
  mountSsda903Import,
  mountAsglbExport,
  mountDashboard,
  mountFamilyFinding,
  mountExplorer,
  mountStartPage,
  mountOAuthToken,
  mountDfeCscIngest,
];
