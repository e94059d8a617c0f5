<?php // riskvet:run
// riskvet:flags -nullderef.tests -nullderef.level=shown
// PHPUnit's assertions narrow like assert(). PHPUnit is not loaded here: a
// stand-in of its Assert and TestCase classes, with the same names, throws
// on a failed assertion as PHPUnit does.
declare(strict_types=1);

namespace PHPUnit\Framework {
    class AssertionFailedError extends \Exception {}

    abstract class Assert {
        public static function assertNotNull(mixed $actual, string $message = ''): void {
            if ($actual === null) {
                throw new AssertionFailedError($message);
            }
        }

        public static function assertNull(mixed $actual): void {
            if ($actual !== null) {
                throw new AssertionFailedError('not null');
            }
        }

        public static function assertInstanceOf(string $expected, mixed $actual): void {
            if (!$actual instanceof $expected) {
                throw new AssertionFailedError('not an instance');
            }
        }

        public static function assertIsObject(mixed $actual): void {
            if (!is_object($actual)) {
                throw new AssertionFailedError('not an object');
            }
        }

        public static function assertNotEmpty(mixed $actual): void {
            if (empty($actual)) {
                throw new AssertionFailedError('empty');
            }
        }

        public static function assertTrue(mixed $condition): void {
            if ($condition !== true) {
                throw new AssertionFailedError('not true');
            }
        }

        public static function assertFalse(mixed $condition): void {
            if ($condition !== false) {
                throw new AssertionFailedError('not false');
            }
        }
    }

    abstract class TestCase extends Assert {}
}

namespace {
    use PHPUnit\Framework\Assert;
    use PHPUnit\Framework\AssertionFailedError;
    use PHPUnit\Framework\TestCase;

    class Widget {
        public function name(): string { return 'w'; }
    }

    function widgetOrNull(bool $some): ?Widget { return $some ? new Widget() : null; }

    final class WidgetTest extends TestCase {
        public function notNull(bool $some): string {
            $w = widgetOrNull($some);
            $this->assertNotNull($w, 'no widget');
            return $w->name(); // not reported: $this->assertNotNull
        }

        public function selfNotNull(bool $some): string {
            $w = widgetOrNull($some);
            self::assertNotNull($w);
            return $w->name(); // not reported: self::assertNotNull
        }

        public function instanceOf(bool $some): string {
            $w = widgetOrNull($some);
            static::assertInstanceOf(Widget::class, $w);
            return $w->name(); // not reported: static::assertInstanceOf
        }

        public function isObject(bool $some): string {
            $w = widgetOrNull($some);
            $this->assertIsObject($w);
            return $w->name(); // not reported: assertIsObject
        }

        public function notEmpty(bool $some): string {
            $w = widgetOrNull($some);
            $this->assertNotEmpty($w);
            return $w->name(); // not reported: assertNotEmpty
        }

        public function trueCondition(bool $some): string {
            $w = widgetOrNull($some);
            $this->assertTrue($w !== null);
            return $w->name(); // not reported: assertTrue of a null test
        }

        public function trueIsset(bool $some): string {
            $w = widgetOrNull($some);
            $this->assertTrue(isset($w));
            return $w->name(); // not reported: assertTrue(isset())
        }

        public function falseCondition(bool $some): string {
            $w = widgetOrNull($some);
            $this->assertFalse($w === null);
            return $w->name(); // not reported: assertFalse of the negated test
        }

        public function nullUsed(bool $some): string {
            $w = widgetOrNull($some);
            $this->assertNull($w);
            return $w->name(); // want `^\$w is null here \(widgetOrNull\(\) returns null at phpunit\.php:67, checked null at line 120\)$`
        }
    }

    function facadeNotNull(bool $some): string {
        $w = widgetOrNull($some);
        Assert::assertNotNull($w);
        return $w->name(); // not reported: Assert::assertNotNull
    }

    function testPhpunitNegatives(): void {
        $t = new WidgetTest();
        $cases = ['notNull', 'selfNotNull', 'instanceOf', 'isObject', 'notEmpty', 'trueCondition', 'trueIsset', 'falseCondition'];
        foreach ([true, false] as $some) {
            foreach ($cases as $m) {
                try {
                    $t->$m($some);
                } catch (AssertionFailedError $e) {
                    // the assertion stops null before the dereference
                }
            }
            try {
                facadeNotNull($some);
            } catch (AssertionFailedError $e) {
                // likewise
            }
        }
    }

    function testPhpunitNullUsed(): void {
        (new WidgetTest())->nullUsed(false);
    }
}
