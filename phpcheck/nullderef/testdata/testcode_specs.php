<?php
// phpspec specs and Behat contexts are test code too, as PHPUnit's test
// cases are: not reported by default. The bases are declared here, as a
// project's vendor folder would.
namespace PhpSpec {
    class ObjectBehavior {}
}

namespace Behat\Behat\Context {
    interface Context {}
}

namespace App\Specs {
    class Ticket {
        public function close(): void {}
    }

    class TicketSpec extends \PhpSpec\ObjectBehavior {
        public function it_closes(): void {
            $t = null;
            $t->close(); // not reported: a spec
        }
    }

    class TicketContext implements \Behat\Behat\Context\Context {
        public function theTicketIsClosed(): void {
            $t = null;
            $t->close(); // not reported: a Behat context
        }
    }

    class Service {
        public function run(): void {
            $t = null;
            $t->close(); // want `^\$t is null here \(assigned null at line 34\)$`
        }
    }
}
