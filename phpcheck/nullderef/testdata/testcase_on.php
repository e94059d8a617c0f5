<?php // riskvet:flags -nullderef.tests -nullderef.level=shown
declare(strict_types=1);

// With -nullderef.tests, a TestCase subclass is reported like any class.

namespace Fixture\TestCaseOn;

final class Order {
    public function parent(): ?Order { return null; }
    public function id(): int { return 1; }
}

final class OrderTest extends \PHPUnit\Framework\TestCase {
    public function testParent(): void {
        (new Order())->parent()->id(); // want `\(new Order\(\)\)->parent\(\) may be null here`
    }
}
