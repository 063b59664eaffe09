export type { AccountingChange, OnAccountingChange } from './admin/accounting-change.js';
export { type AlertsConfig, loadAlertsConfig } from './alerts/alerts-config.js';
export {
  type AccountingApp,
  type AccountingAppOptions,
  type AccountingOverrides,
  buildAccountingApp,
  registerAccountingRoutes,
} from './app.js';
export { reconcileBudgetCounters } from './budgets/reconcile-budget-counters.js';
export {
  BUDGET_RECONCILE_INTERVAL_MS,
  type BudgetReconciler,
  startBudgetReconciler,
} from './budgets/start-budget-reconciler.js';
export {
  type AccountingConfig,
  loadAccountingConfig,
  loadUsageConfig,
  type UsageConfig,
} from './config.js';
export { publishKeyChanges } from './keys/publish-key-changes.js';
export { pruneUsageEvents } from './retention/prune-usage-events.js';
export {
  type AccountingService,
  type AccountingStartConfig,
  type AccountingStores,
  type StartAccountingOptions,
  startAccounting,
} from './start-accounting.js';
export {
  startUsageAccounting,
  type UsageAccounting,
  type UsageAccountingOptions,
} from './usage/start-usage-accounting.js';
export {
  startUsageConsumer,
  type UsageConsumer,
  type UsageConsumerOptions,
} from './usage/start-usage-consumer.js';
export {
  createUsageConsumerMetrics,
  type UsageConsumerMetrics,
} from './usage/usage-consumer-metrics.js';
