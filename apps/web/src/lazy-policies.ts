// Page policies defined in contracts modules that also build zod schemas; imported only by lazy routes (App.tsx).
export { calendarPagePolicy, incentivePagePolicy } from '@ctp/contracts';
