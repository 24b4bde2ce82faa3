import { UpgradeWizard } from 'account-billing-kit';

export const metadata = { title: 'Upgrade' };

export default function UpgradePage() {
  return (
    <UpgradeWizard
      termsOfServiceUrl="/legal/terms"
      privacyPolicyUrl="/legal/privacy"
      acceptableUsePolicyUrl="/legal/acceptable-use"
    />
  );
}
