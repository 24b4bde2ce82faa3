// Host entry for the size budget (npm run size): a page with both screens and the stylesheets it needs.
export { AccountSettingsProvider, CompanyInformation, UpgradeWizard } from '../../src/index.js';
import '../../src/styles/base.css';
import '../../src/styles/company-information.css';
import '../../src/styles/upgrade-wizard.css';
