// Host entry for the size budget (npm run size): a page with both screens and the library's stylesheet.
export { AccountSettingsProvider, CompanyInformation, UpgradeWizard } from '../../src/index.js';
import '../../src/styles.css';
