import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker as AntDatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { beijingNowValue } from '../lib/beijing-time.ts';

/**
 * The only date picker of the web: antd's, generated on dayjs (antd's documented way to change its date library)
 * with one difference — its "now" is Beijing's wall clock. That moves the highlighted today cell, the 今天/Today
 * button and the month a picker opens on from the browser's zone to Beijing's, so a picker agrees with its limits
 * (lib/beijing-time.ts) and with the server. Typed dates are read as YYYY-MM-DD (months as YYYY-MM), the locales'
 * field format in both languages. Import `DatePicker` from here, never from antd (a unit test checks it).
 */
export const DatePicker = AntDatePicker.generatePicker<Dayjs>({
  ...dayjsGenerateConfig,
  getNow: () => beijingNowValue(),
});
