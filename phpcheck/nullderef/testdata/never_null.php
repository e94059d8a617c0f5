<?php // riskvet:flags -nullderef.strict -nullderef.never_null=fixture_current_screen,Fixture\Psr\ContainerInterface::get,Kernel::get
declare(strict_types=1);

// Escape hatches: functions and methods listed in never_null return a
// non-null value whatever their declared type says. A name with a
// namespace must match the fully-qualified name, one without matches the
// short name in any namespace; case does not matter, as in PHP. Strict,
// so that the interface's find(), which only declares null, is reported.

namespace Fixture\Psr {
    interface ContainerInterface {
        public function get(string $id): ?object;
        public function find(string $id): ?object;
    }
}

namespace Fixture\App {
    use Fixture\Psr\ContainerInterface;

    final class Screen {
        public string $id = 'dashboard';
    }

    // Declared nullable because it is null before the admin screen is set
    // up; every admin page runs after that.
    function fixture_current_screen(): ?Screen { return null; }

    function fixture_other_screen(): ?Screen { return null; }

    final class Kernel {
        public function get(string $id): ?object { return null; }
        public function id(): string { return 'k'; }
    }

    final class Other {
        public function get(string $id): ?Kernel { return null; }
    }

    final class ArrayContainer implements ContainerInterface {
        public function get(string $id): ?object { return null; }
        public function find(string $id): ?object { return null; }
    }

    function screens(): void {
        echo fixture_current_screen()->id; // not reported: listed
        echo FIXTURE_CURRENT_SCREEN()->id; // not reported: listed, case-insensitive
        echo fixture_other_screen()->id; // want `fixture_other_screen\(\) may be null here`
    }

    function containers(ContainerInterface $c, Kernel $k, Other $o, ArrayContainer $a): void {
        $a->get('mailer')->send(); // not reported: an implementation of the listed interface
        $a->find('mailer')->send(); // want `\$a->find\(\) may be null here`
        $c->get('mailer')->send(); // not reported: listed by its fully-qualified interface
        $c->GET('mailer')->send(); // not reported: method names compare without case
        $c->find('mailer')->send(); // want `\$c->find\(\) may be null here`
        $k->get('db')->connect(); // not reported: Kernel::get, matched on the short name
        $o->get('db')->id(); // want `\$o->get\(\) may be null here`
    }
}
