import { createMemoryBudgetLedger } from './create-memory-budget-ledger.js';
import { describeBudgetLedgerContract } from './describe-budget-ledger-contract.js';

describeBudgetLedgerContract('createMemoryBudgetLedger', () => createMemoryBudgetLedger());
