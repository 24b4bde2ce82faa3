// The same page as ../both-screens.ts, as an app's entry: nothing exported, the screens used.
import { AccountSettingsProvider, CompanyInformation, UpgradeWizard } from '../../../src/index.js';
import '../../../src/styles/base.css';
import '../../../src/styles/company-information.css';
import '../../../src/styles/upgrade-wizard.css';

Object.assign(globalThis, { screens: [AccountSettingsProvider, CompanyInformation, UpgradeWizard] });
