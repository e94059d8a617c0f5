<?php // riskvet:run // riskvet:flags -nullderef.level=shown
// Initialization analysis: a nullable property that the constructor or a
// lifecycle method always sets, and no other method nulls, is non-null in
// the other methods; only its declaration says otherwise, so nothing is
// reported by default (strict_init.php shows the strict level).
declare(strict_types=1);

namespace App\Init;

class Logger {
    public function log(string $m): void {}
}

class Conn {
    public function run(): void {}
}

// The constructor sets $logger from a non-null parameter.
class Mailer {
    private ?Logger $logger = null;

    public function __construct(Logger $logger) {
        $this->logger = $logger;
    }

    public function send(): void {
        $this->logger->log('sent'); // not reported: __construct() sets it
    }
}

function testMailer(): void { (new Mailer(new Logger()))->send(); }

// The constructor sets $conn through a method it always calls.
class Repo {
    protected ?Conn $conn = null;

    public function __construct() {
        $this->connect();
    }

    protected function connect(): void {
        $this->conn = new Conn();
    }

    public function all(): void {
        $this->conn->run(); // not reported: __construct() calls connect(), which sets it
    }
}

function testRepo(): void { (new Repo())->all(); }

// A subclass whose constructor calls parent::__construct() keeps the
// parent's initialization.
class CachedRepo extends Repo {
    public function __construct(public int $ttl) {
        parent::__construct();
    }

    public function warm(): void {
        $this->conn->run(); // not reported: parent::__construct() sets it
    }
}

function testCachedRepo(): void { (new CachedRepo(5))->warm(); }

// A subclass constructor that does not call the parent's leaves it unset.
class LazyRepo extends Repo {
    public function __construct() {}

    public function first(): void {
        $this->conn->run(); // want `^\$this->conn may be null here \(property Repo::\$conn is \?Conn\)$`
    }
}

function testLazyRepo(): void { (new LazyRepo())->first(); }

// A subclass that nulls the property again: reported, in its methods and
// in the inherited ones' view of it.
class ClosingRepo extends Repo {
    public function close(): void {
        $this->conn = null;
    }

    public function last(): void {
        $this->conn->run(); // want `^\$this->conn may be null here \(property Repo::\$conn is \?Conn\)$`
    }
}

function testClosingRepo(): void {
    $r = new ClosingRepo();
    $r->close();
    $r->last();
}

// A property another method of the class nulls: reported.
class Session {
    private ?Conn $conn = null;

    public function __construct() {
        $this->conn = new Conn();
    }

    public function logout(): void {
        $this->conn = null;
    }

    public function ping(): void {
        $this->conn->run(); // want `^\$this->conn may be null here \(property Session::\$conn is \?Conn\)$`
    }
}

function testSession(): void {
    $s = new Session();
    $s->logout();
    $s->ping();
}

// Inside the constructor, before the assignment, the declaration holds.
class Early {
    private ?Logger $logger = null;

    public function __construct() {
        $this->logger->log('too early'); // want `^\$this->logger may be null here \(property Early::\$logger is \?Logger\)$`
        $this->logger = new Logger();
    }
}

function testEarly(): void { new Early(); }

// Set on one path only: not an initialization.
class Maybe {
    private ?Logger $logger = null;

    public function __construct(bool $log) {
        if ($log) {
            $this->logger = new Logger();
        }
    }

    public function work(): void {
        $this->logger->log('work'); // want `^\$this->logger may be null here \(property Maybe::\$logger is \?Logger\)$`
    }
}

function testMaybe(): void { (new Maybe(false))->work(); }

// Set on every path that returns normally: the early exit throws.
class Strict {
    private ?Logger $logger = null;

    public function __construct(?Logger $logger) {
        if ($logger === null) {
            throw new \InvalidArgumentException('no logger');
        }
        $this->logger = $logger;
    }

    public function work(): void {
        $this->logger->log('work'); // not reported: every normal path sets it
    }
}

function testStrict(): void { (new Strict(new Logger()))->work(); }

// A stand-in for PHPUnit's TestCase; the runner calls setUp() and the
// #[Before] and @before methods before each test method.
abstract class TestCase {
    protected function setUp(): void {}
}

class MailerTest extends TestCase {
    private ?Mailer $mailer = null;
    private ?Logger $logger = null;
    private ?Conn $conn = null;

    protected function setUp(): void {
        $this->mailer = new Mailer(new Logger());
    }

    #[Before]
    public function makeLogger(): void {
        $this->logger = new Logger();
    }

    /** @before */
    public function makeConn(): void {
        $this->conn = new Conn();
    }

    public function testSend(): void {
        $this->mailer->send(); // not reported: setUp() sets it
        $this->logger->log('x'); // not reported: #[Before] makeLogger() sets it
        $this->conn->run(); // not reported: @before makeConn() sets it
    }

    public function run(): void {
        $this->setUp();
        $this->makeLogger();
        $this->makeConn();
        $this->testSend();
    }
}

function testMailerTest(): void { (new MailerTest())->run(); }

// Code that tests an initialised property for null and goes on says null
// is possible after all: reported, as shown. Here it is, for an object
// made without its constructor.
class Guarded {
    private ?Logger $logger = null;

    public function __construct() {
        $this->logger = new Logger();
    }

    public function work(): void {
        if ($this->logger === null) {
            echo "no logger\n";
        }
        $this->logger->log('work'); // want `^\$this->logger may be null here \(property Guarded::\$logger is \?Logger, set by __construct\(\), checked null at line 217\)$`
    }
}

function testGuarded(): void {
    $g = (new \ReflectionClass(Guarded::class))->newInstanceWithoutConstructor();
    $g->work();
}

// PHPBench runs the methods a class's BeforeMethods names before each
// benchmark.
/** @BeforeMethods({"init"}) */
class SendBench {
    private ?Mailer $mailer = null;

    public function init(): void {
        $this->mailer = new Mailer(new Logger());
    }

    public function benchSend(): void {
        $this->mailer->send(); // not reported: init() runs first
    }
}

function testSendBench(): void {
    $b = new SendBench();
    $b->init();
    $b->benchSend();
}
