// The operator's login name: who acts when no operator name is set in Shipdesk.
import os from 'node:os';

export function osUserName(): string {
  try {
    return os.userInfo().username || 'operator';
  } catch {
    return 'operator';
  }
}
