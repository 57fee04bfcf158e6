# CTest script: the German catalogue holds every string of the code as it is now. lupdate runs on
# a copy (the committed .ts is never touched), then test_translations checks the copy: a string
# added without `update_translations` shows up there as unfinished, a removed one as vanished.
# Arguments: TS_FILE, WORK_DIR, LUPDATE, GENERATE_SCRIPT, PROJECT_CMAKE, TEST_BINARY.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY_FILE "${TS_FILE}" "${WORK_DIR}/hubshelf_de.ts")
if(NOT EXISTS "${PROJECT_CMAKE}")
    message(FATAL_ERROR "No lupdate project at ${PROJECT_CMAKE}: hubshelf_add_translations() did not run")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_CMAKE} -DOUT_FILE=${WORK_DIR}/project.json
                        -P "${GENERATE_SCRIPT}"
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${LUPDATE}" -silent -project "${WORK_DIR}/project.json" -locations relative
                        -ts "${WORK_DIR}/hubshelf_de.ts"
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "HUBSHELF_TS_FILE=${WORK_DIR}/hubshelf_de.ts"
                        QT_QPA_PLATFORM=offscreen
                        "${TEST_BINARY}" germanCatalogue_translatesEveryStringOfTheCode
                COMMAND_ERROR_IS_FATAL ANY)
