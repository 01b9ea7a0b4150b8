// The Shipdesk version, from package.json (bundled in at build time): stations report it to the hub.
import pkg from '../../../package.json';

export const SHIPDESK_VERSION: string = pkg.version;
