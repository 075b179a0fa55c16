// DHIS2's data value set as its documentation gives it, written as a zod schema for the tests
// (not lokmin's own types, so a test holds lokmin's output to DHIS2's shape, not to itself).
import { z } from "zod";

/**
 * DHIS2's data value set as its Web API documentation gives it ("Data values → Sending data values"):
 * optional set-level dataSet, completeDate, period, orgUnit, attributeOptionCombo, and dataValues
 * with dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value (a string),
 * comment. A monthly period is YYYYMM.
 */
export const documentedDataValueSet = z.strictObject({
  dataSet: z.string().min(1).optional(),
  completeDate: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  dataValues: z.array(
    z.strictObject({
      dataElement: z.string().min(1),
      period: z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/),
      orgUnit: z.string().min(1),
      categoryOptionCombo: z.string().min(1).optional(),
      attributeOptionCombo: z.string().min(1).optional(),
      value: z.string(),
      comment: z.string().optional(),
    }),
  ),
});
