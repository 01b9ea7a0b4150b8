// Every string the screen shows, in English and Korean, gathered from one file per area.
import * as conflicts from './messages/conflicts';
import * as desk from './messages/desk';
import * as dialogs from './messages/dialogs';
import * as excel from './messages/excel';
import * as numbers from './messages/numbers';
import * as orders from './messages/orders';
import * as recovery from './messages/recovery';
import * as screen from './messages/screen';
import * as sync from './messages/sync';
import * as view from './messages/view';

export const en = {
  ...screen.en,
  ...dialogs.en,
  ...desk.en,
  ...excel.en,
  ...sync.en,
  ...conflicts.en,
  ...numbers.en,
  ...view.en,
  ...orders.en,
  ...recovery.en,
};

export type MessageKey = keyof typeof en;

export const ko: Record<MessageKey, string> = {
  ...screen.ko,
  ...dialogs.ko,
  ...desk.ko,
  ...excel.ko,
  ...sync.ko,
  ...conflicts.ko,
  ...numbers.ko,
  ...view.ko,
  ...orders.ko,
  ...recovery.ko,
};
