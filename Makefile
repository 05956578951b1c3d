# The two commands a newcomer needs: `make run` and `make test`.
# Everything else here is for developers.

JOBS ?= $(shell nproc)
CMAKE_COMMON = -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
DATA_DIR ?= data
LISTEN ?= 127.0.0.1:8080

.PHONY: run test bench setup release asan format clean

## run: install what is missing, build, migrate, load demo data, serve on http://localhost:8080
run: release
	@mkdir -p $(DATA_DIR)
	./build/release/ruamkit migrate --database $(DATA_DIR)/ruamkit.db
	./build/release/ruamkit seed-demo --database $(DATA_DIR)/ruamkit.db
	@echo "Open http://localhost:$(lastword $(subst :, ,$(LISTEN)))/ in your browser (Ctrl+C stops the server)."
	@echo "Development mode: mail is not sent; read it at http://localhost:$(lastword $(subst :, ,$(LISTEN)))/dev/outbox"
	./build/release/ruamkit serve --database $(DATA_DIR)/ruamkit.db --listen $(LISTEN) \
	  --base-url http://localhost:$(lastword $(subst :, ,$(LISTEN))) --dev-outbox

## test: install what is missing, build, run unit, integration and end-to-end tests
test: asan
	cd build/asan && ctest -j$(JOBS) --output-on-failure --timeout 600

## bench: in-process page cost (Google Benchmark) and HTTP load (wrk) on the release build; not part of the tests
bench: setup
	cmake -S . -B build/release $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Release -DRUAMKIT_TESTS=OFF -DRUAMKIT_BENCH=ON
	cmake --build build/release -j $(JOBS)
	./build/release/bench/page_bench --benchmark_min_time=1
	./build/release/bench/search_bench 100000
	bench/http/run.sh build/release/ruamkit
	bench/http/login_flood.sh build/release/ruamkit
	bench/feedback/run.sh build/release/ruamkit

setup:
	scripts/setup

release: setup
	cmake -S . -B build/release $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Release -DRUAMKIT_TESTS=OFF -DRUAMKIT_BENCH=ON
	cmake --build build/release -j $(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer build used by the tests; the
# benchmarks are compiled too (not run), so `make run` and `make bench` cannot
# be broken by a change that only the tests built.
asan: setup
	cmake -S . -B build/asan $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Debug -DRUAMKIT_SANITIZE=ON -DRUAMKIT_TESTS=ON -DRUAMKIT_BENCH=ON
	cmake --build build/asan -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf build
