# SPDX-License-Identifier: MulanPSL-2.0
# test_alloc_failure fails the Nth allocation of each operation.  It sees
# every allocation of the library's objects by linking them with --wrap
# (the calls to malloc, calloc, realloc, strdup and free in libdgsubsidy.a
# and in the test go to its __wrap_ functions); jansson's allocations reach
# the same functions through json_set_alloc_funcs().  Included from
# tests/CMakeLists.txt after the test programs are defined.
if(TARGET test_alloc_failure)
  target_link_options(test_alloc_failure PRIVATE
    "LINKER:--wrap=malloc" "LINKER:--wrap=calloc" "LINKER:--wrap=realloc"
    "LINKER:--wrap=strdup" "LINKER:--wrap=free")
  target_compile_definitions(test_alloc_failure PRIVATE DGS_ALLOC_WRAP)
  # Thousands of evaluations per operation; under valgrind or sanitizers too.
  set_tests_properties(test_alloc_failure PROPERTIES TIMEOUT 900)
endif()
