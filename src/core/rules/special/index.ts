/**
 * Rules for the special tables: 财政拨款“三公”经费支出表, 政府采购预算表 and 固定资产占用情况表. Each
 * finds its tables in `model.tables` by kind and never changes the model.
 */
import type { Rule, WorkbookRuleContext } from "../rule";
import { assetsSubitem } from "./assetsSubitem";
import { assetsTotal } from "./assetsTotal";
import { procurementNumberAsText } from "./procurementNumberText";
import { procurementQtyPrice } from "./procurementQtyPrice";
import { procurementSources } from "./procurementSources";
import { procurementTotal } from "./procurementTotal";
import { sangongChange } from "./sangongChange";
import { sangongSum } from "./sangongSum";
import { sangongVehicle } from "./sangongVehicle";

export const SPECIAL_TABLE_RULES: readonly Rule<WorkbookRuleContext>[] = [
  sangongSum,
  sangongVehicle,
  sangongChange,
  procurementQtyPrice,
  procurementTotal,
  procurementSources,
  procurementNumberAsText,
  assetsTotal,
  assetsSubitem,
];
