package io.etareport.statuses;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The status mapping pages: every signed-in member of staff may edit; only admins refresh from Buz. */
@Controller
class StatusMappingController {

    private final StatusMappings mappings;
    private final StatusRefresh refresh;
    private final StageProperties stages;

    StatusMappingController(StatusMappings mappings, StatusRefresh refresh, StageProperties stages) {
        this.mappings = mappings;
        this.refresh = refresh;
        this.stages = stages;
    }

    @ModelAttribute("stages")
    java.util.List<String> stages() {
        return stages.stages();
    }

    @ModelAttribute("section")
    String section() {
        return "statuses";
    }

    @GetMapping("/status_mapping")
    String list(Model model) {
        java.util.List<StatusMapping> all = mappings.findAll();
        java.util.Map<String, String> stageByKey = mappings.allStages();
        java.util.Map<Long, String> stageById = new java.util.HashMap<>();
        all.forEach(mapping -> stageById.put(mapping.id(), stageByKey.get(Spelling.key(mapping.odataStatus()))));
        model.addAttribute("mappings", all);
        model.addAttribute("stageById", stageById);
        return "staff/status-mappings";
    }

    @GetMapping("/status_mapping/edit/{id}")
    String edit(@PathVariable long id, Model model) {
        StatusMapping mapping = existing(id);
        model.addAttribute("mapping", mapping);
        model.addAttribute("mappingForm", MappingForm.of(mapping, mappings.stageOf(mapping.odataStatus()).orElse(null)));
        return "staff/status-mapping-edit";
    }

    @PostMapping("/status_mapping/edit/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("mappingForm") MappingForm form, BindingResult result,
                  Model model, HttpServletResponse response, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        StatusMapping mapping = existing(id);
        if (!form.getStage().isEmpty() && !stages.stages().contains(form.getStage())) {
            result.rejectValue("stage", "stage.unknown", "Choose one of the stages listed.");
        }
        if (result.hasErrors()) {
            // Shown again with the message, answering 400 as the original did.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("mapping", mapping);
            return "staff/status-mapping-edit";
        }
        if (request.getParameter("stage") == null) {
            // A post without the field (the original's form, or scripts written for it) leaves the stage alone.
            mappings.update(id, form.getCustomStatus(), form.isActive());
        } else {
            mappings.update(id, form.getCustomStatus(), form.isActive(), form.getStage());
        }
        redirect.addFlashAttribute("notice", "Saved the mapping for " + mapping.odataStatus() + ".");
        return "redirect:/status_mapping";
    }

    @PostMapping("/refresh_statuses")
    String refresh(RedirectAttributes redirect) {
        StatusRefresh.Outcome outcome = refresh.run();
        redirect.addFlashAttribute(outcome.succeeded() ? "notice" : "problem", outcome.message());
        return "redirect:/status_mapping";
    }

    private StatusMapping existing(long id) {
        return mappings.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
