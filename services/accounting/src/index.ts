export type { AccountingChange, OnAccountingChange } from './admin/accounting-change.js';
export {
  type AccountingApp,
  type AccountingAppOptions,
  type AccountingOverrides,
  buildAccountingApp,
} from './app.js';
export { type AccountingConfig, loadAccountingConfig } from './config.js';
