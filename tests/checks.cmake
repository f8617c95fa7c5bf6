# SPDX-License-Identifier: MulanPSL-2.0
# Checks beyond the unit tests.

# The CLI test drives the tool's own code.
if(TARGET test_cli AND TARGET dgsubsidy_cli_objects)
  target_sources(test_cli PRIVATE $<TARGET_OBJECTS:dgsubsidy_cli_objects>)
endif()

# Generated sources must match their data.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME licence_named_in_every_source
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/gen/check_spdx.py ${PROJECT_SOURCE_DIR})
  add_test(NAME generated_catalog_is_current
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/gen/gen_catalog.py --check)
  # docs/coverage.md is current, and every figure of the text is in a measure
  # or listed with the reason it is not an award.
  add_test(NAME coverage_of_the_text_is_current
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/gen/gen_coverage.py --check)
  # Every quotation of the text in the measures' comments and data is the text's words.
  add_test(NAME quotations_are_the_text
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/gen/check_quotes.py)
  # Every exclusive group of the catalog has its object in data/groups.json.
  add_test(NAME generated_stacking_is_current
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/gen/gen_stacking.py --check)
endif()

# Exported symbols are exactly the documented DGS_API functions.
if(TARGET dgsubsidy AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/abi/check-symbols.sh)
  add_test(NAME exported_symbols
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/abi/check-symbols.sh $<TARGET_FILE:dgsubsidy>)
endif()

# A C program builds against the installed tree via pkg-config and via find_package.
if(TARGET dgsubsidy AND DGS_INSTALL AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME consumer_of_installed_tree
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
endif()

# The C examples build and run.
find_package(Threads)
if(Threads_FOUND)
  add_executable(example_threaded_batch ${PROJECT_SOURCE_DIR}/examples/c/threaded_batch.c)
  target_link_libraries(example_threaded_batch PRIVATE dgsubsidy_static Threads::Threads ${DGS_JANSSON})
  add_test(NAME example_threaded_batch COMMAND example_threaded_batch)
endif()
add_executable(example_consumer ${PROJECT_SOURCE_DIR}/examples/c/consumer.c)
target_link_libraries(example_consumer PRIVATE dgsubsidy_static ${DGS_JANSSON})
add_test(NAME example_consumer COMMAND example_consumer)

# The command-line tool as a process: /dev/full, a closed stdout, inputs that
# cannot be opened or are not regular files, for every command.
if(TARGET dgsubsidy_cli AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME cli_process
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/process.sh $<TARGET_FILE:dgsubsidy_cli> ${PROJECT_SOURCE_DIR})
endif()

# `cmake --install` puts the tool's manual page in share/man/man1, and it is
# well-formed roff (groff's warnings are errors).
if(TARGET dgsubsidy_cli AND DGS_INSTALL AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME cli_man_page_installed
           COMMAND bash -c "set -e; p=$(mktemp -d); trap 'rm -rf $p' EXIT; cmake --install '${PROJECT_BINARY_DIR}' --prefix $p >/dev/null; test -s $p/share/man/man1/dgsubsidy.1; if command -v groff >/dev/null; then w=$(groff -k -Tutf8 -man -ww -z $p/share/man/man1/dgsubsidy.1 2>&1); test -z \"$w\" || { echo \"$w\"; exit 1; }; fi; echo installed")
endif()

# The JSON Schemas of docs/schemas/ against the example files and the JSON
# the tool writes, and the CSV files users bring (pandas, Excel).  Needs the
# Python packages of scripts/requirements-test.txt (jsonschema, pandas).
if(TARGET dgsubsidy_cli AND Python3_FOUND AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME cli_schemas_and_user_files
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_files.py
                   $<TARGET_FILE:dgsubsidy_cli> ${PROJECT_SOURCE_DIR})
  set_tests_properties(cli_schemas_and_user_files PROPERTIES SKIP_RETURN_CODE 77)
endif()

# The conditions of the command line (show, eval with condition.<id>=…).
if(TARGET test_cli_conditions AND TARGET dgsubsidy_cli_objects)
  target_sources(test_cli_conditions PRIVATE $<TARGET_OBJECTS:dgsubsidy_cli_objects>)
endif()

# The static library exports only dgs_ names (nm), and a host that defines
# functions named like the library's internal ones links against it.
if(DGS_STATIC_LOCALIZED)
  add_test(NAME static_archive_exports_only_dgs_names
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/abi/check-static.sh $<TARGET_FILE:dgsubsidy_static>)
  add_executable(static_host ${CMAKE_CURRENT_SOURCE_DIR}/abi/static_host.c)
  target_link_libraries(static_host PRIVATE dgsubsidy_static ${DGS_JANSSON})
  add_test(NAME static_host_with_the_library_s_internal_names COMMAND static_host)
endif()

# `dgsubsidy population`: several measures over a CSV file, stacked per applicant.
if(TARGET test_cli_population AND TARGET dgsubsidy_cli_objects)
  target_sources(test_cli_population PRIVATE $<TARGET_OBJECTS:dgsubsidy_cli_objects>)
endif()
