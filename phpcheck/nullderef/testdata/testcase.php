<?php // riskvet:flags -nullderef.level=shown
declare(strict_types=1);

// A class that extends PHPUnit's TestCase is test code, directly or through
// a base class of the project; the rest of the file is not. PHPUnit itself
// is not in the scanned tree, as vendor is skipped.

namespace Fixture\TestCase;

use PHPUnit\Framework\TestCase;

final class Order {
    public function parent(): ?Order { return null; }
    public function id(): int { return 1; }
}

final class OrderTest extends TestCase {
    public function testParent(): void {
        (new Order())->parent()->id(); // not reported: a TestCase subclass
    }
}

abstract class DatabaseCase extends TestCase {
}

final class OrderStoreTest extends DatabaseCase {
    public function testStore(): void {
        (new Order())->parent()->id(); // not reported: a TestCase subclass through DatabaseCase
        // riskvet:ignore nullderef the fixture order has a parent
        (new Order())->parent()->id();
    }
}

class Fixture {
}

final class OrderFixture extends Fixture {
    public function parentId(): int {
        return (new Order())->parent()->id(); // want `\(new Order\(\)\)->parent\(\) may be null here \(Order::parent\(\) returns null at testcase\.php:13\)`
    }
}

function helper(): int {
    return (new Order())->parent()->id(); // want `\(new Order\(\)\)->parent\(\) may be null here`
}
